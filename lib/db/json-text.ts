/**
 * A jsonb value already serialised and made storable: upsertRows writes its text as it is, without walking or
 * serialising the value again. A bulk writer that has the text anyway (the digest of a raw payload is taken from it)
 * spares that work on every row.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
