/**
 * The fact files' contents of a forge's tree, reusing every stored answer whose blob is still the tree's: only files
 * whose blob changed (or that are new) are fetched. Returns all contents and the fresh answers to store.
 */
export const readChangedFactFiles = async <T>({
  paths,
  stored,
  blobOfTree,
  blobOfAnswer,
  fetchFile,
}: {
  paths: readonly string[];
  /** Stored answers by path. */
  stored: ReadonlyMap<string, T>;
  blobOfTree: (path: string) => string | undefined;
  blobOfAnswer: (answer: T) => string | undefined;
  fetchFile: (path: string) => Promise<T>;
}) => {
  const contents: Record<string, T> = {};
  const fetched: [string, T][] = [];
  for (const path of paths) {
    const have = stored.get(path);
    if (have !== undefined && blobOfAnswer(have) === blobOfTree(path)) contents[path] = have;
    else {
      contents[path] = await fetchFile(path);
      fetched.push([path, contents[path]]);
    }
  }
  return { contents, fetched };
};
