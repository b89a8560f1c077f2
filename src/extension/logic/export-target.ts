/**
 * What the export command's second argument means. Callers that name the
 * destination pass a URI or a URI string; menus pass other things there (the
 * Explorer context menu the selected URIs, the editor title its group), which
 * must not be mistaken for a destination (that would also skip the
 * "placeholders or errors remain" question).
 */

/** The explicit destination in `target` (a URI or a non-empty string), else undefined. */
export function explicitTarget<U>(target: unknown, isUri: (value: unknown) => value is U): U | string | undefined {
  if (isUri(target)) return target;
  if (typeof target === 'string' && target.length > 0) return target;
  return undefined;
}
