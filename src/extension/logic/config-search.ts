/**
 * Where to look for the nearest `.reportmdrc.json`: the document's folder and
 * each parent up to the root of its file system, as the CLI does (a config
 * file above the workspace folder applies in the editor too). Works on URI
 * paths (always '/'-separated), so it suits virtual file systems too; on
 * Windows the walk stops at the drive (`/c:`).
 */

export const CONFIG_FILE_NAME = '.reportmdrc.json';

/** Folder paths to search, nearest first, ending at the root. */
export function configSearchFolders(documentPath: string): string[] {
  const folders: string[] = [];
  for (let current = parentPath(documentPath); current !== undefined; current = parentPath(current)) {
    folders.push(current);
  }
  return folders;
}

function stripTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** The parent of a '/'-separated path, or undefined at the top (`/`, or a drive such as `/c:`). */
export function parentPath(path: string): string | undefined {
  const trimmed = stripTrailingSlash(path);
  const index = trimmed.lastIndexOf('/');
  if (index < 0 || trimmed === '/' || /^\/[a-z]:$/i.test(trimmed)) return undefined;
  return index === 0 ? '/' : trimmed.slice(0, index);
}
