/** A UTF-16 surrogate without its pair: not Unicode, so Postgres and UTF-8 encoders refuse or mangle it. */
export const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Characters that text stored or printed from hostile input must not carry as they are. */
export const UNPRINTABLE = new RegExp(`[\\u0000-\\u001f\\u007f]|${UNPAIRED_SURROGATE.source}`, 'g');
