// Save a string or Blob as a file through a temporary <a download>: works offline, and Playwright
// sees it as a download event.
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadText = (text: string, filename: string, type: string) =>
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), filename);
