/** A multipart/form-data body with one file, for `inject` (what a browser upload sends). */
export function multipartFile(field: string, filename: string, content: Buffer | string, type = 'application/octet-stream'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----motcua${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
