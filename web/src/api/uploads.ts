// /api/v1/uploads: photos, videos and files for posts. The file is the raw
// request body (its name in ?name=); the server decides the real type from
// the bytes. Uploads report progress, so they use XMLHttpRequest (fetch has
// no upload progress events) with the same CSRF header and problem errors
// as every other call.
import { ApiError, type Http } from './http';
import type { Attachment, Problem } from './types';

export interface UploadHandle {
  promise: Promise<Attachment>;
  /** Stops the upload; the promise then rejects with status 0. */
  abort: () => void;
}

export function uploadsApi(http: Http, baseUrl = '/api/v1') {
  return {
    /** Uploads `file`; `onprogress` gets a fraction from 0 to 1. */
    upload(file: File, onprogress?: (fraction: number) => void): UploadHandle {
      const xhr = new XMLHttpRequest();
      const promise = new Promise<Attachment>((resolve, reject) => {
        xhr.open('POST', `${baseUrl}/uploads?name=${encodeURIComponent(file.name)}`);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        if (http.csrfToken) xhr.setRequestHeader('X-CSRF-Token', http.csrfToken);
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable && onprogress) onprogress(e.loaded / e.total);
        };
        xhr.onload = () => {
          let parsed: unknown;
          try {
            parsed = xhr.responseText ? JSON.parse(xhr.responseText) : {};
          } catch {
            parsed = {};
          }
          if (xhr.status === 201) {
            resolve(parsed as Attachment);
          } else {
            if (xhr.status === 401) http.onUnauthorized?.();
            reject(new ApiError(xhr.status, (parsed ?? {}) as Problem));
          }
        };
        xhr.onerror = () => reject(new ApiError(0, {}));
        xhr.onabort = () => reject(new ApiError(0, { detail: 'Upload cancelled.' }));
        xhr.send(file);
      });
      return { promise, abort: () => xhr.abort() };
    },
    get: (id: string) => http.get<Attachment>(`/uploads/${encodeURIComponent(id)}`),
    /** Sets a photo's alt text ('' clears it). */
    setAlt: (id: string, alt: string) =>
      http.patch<Attachment>(`/uploads/${encodeURIComponent(id)}`, { json: { alt } }),
    /** Deletes an upload that is not attached to a post. */
    remove: (id: string) => http.delete<void>(`/uploads/${encodeURIComponent(id)}`),
  };
}
