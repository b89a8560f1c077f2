/**
 * Where to look for the nearest `.reportmdrc.json`: the document's folder and
 * each parent up to (and including) the workspace folder root. Works on URI
 * paths (always '/'-separated), so it suits virtual file systems too.
 */

export const CONFIG_FILE_NAME = '.reportmdrc.json';

/** Folder paths to search, nearest first. Without a root, only the document's own folder. */
export function configSearchFolders(documentPath: string, rootPath: string | undefined): string[] {
  const folder = parentPath(documentPath);
  if (folder === undefined) return [];
  if (rootPath === undefined) return [folder];
  const root = stripTrailingSlash(rootPath);
  if (!isInside(folder, root)) return [folder];
  const folders: string[] = [];
  for (let current: string | undefined = folder; current !== undefined; current = parentPath(current)) {
    folders.push(current);
    if (current === root || current.length <= root.length) break;
  }
  return folders;
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : root + '/');
}

function stripTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** The parent of a '/'-separated path, or undefined at the top. */
export function parentPath(path: string): string | undefined {
  const trimmed = stripTrailingSlash(path);
  const index = trimmed.lastIndexOf('/');
  if (index < 0 || trimmed === '/') return undefined;
  return index === 0 ? '/' : trimmed.slice(0, index);
}
