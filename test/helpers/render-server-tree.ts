import { isValidElement } from 'react';

// What calling a client component outside React's renderer throws: its hooks find no dispatcher.
const isHookError = (error: unknown) => error instanceof Error && /reading 'use\w*'|Invalid hook call|cannot be invoked without 'new'/.test(error.message);

type Element = { type: unknown; props: Record<string, unknown> };

/**
 * Runs a server-component tree the way a request would, without React's server renderer: every function component
 * is called and awaited (async widgets included), down to host elements. Client components (their hooks throw here)
 * and classes are not run; what they were given (children, slots) is. Any other error propagates. Returns how many
 * components ran.
 */
export const renderServerTree = async (node: unknown): Promise<number> => {
  if (node === null || typeof node !== 'object') return 0;
  if (node instanceof Promise) return renderServerTree(await node);
  if (Array.isArray(node)) {
    let count = 0;
    for (const child of node) count += await renderServerTree(child);
    return count;
  }
  if (!isValidElement(node)) return 0;
  const { type, props } = node as Element;
  if (typeof type === 'function' && !(type.prototype as { isReactComponent?: unknown } | undefined)?.isReactComponent) {
    let output: unknown;
    try {
      output = await (type as (props: unknown) => unknown)(props);
    } catch (error) {
      if (!isHookError(error)) throw error;
      output = undefined;
    }
    if (output !== undefined) return 1 + (await renderServerTree(output));
  }
  let count = 0;
  for (const value of Object.values(props)) count += await renderServerTree(value);
  return count;
};
