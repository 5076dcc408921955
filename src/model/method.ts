/**
 * How a request's method is written for a reader: as recorded, or `(no method)` when the recorder
 * stored none (see `Request.method`). Never a made-up `GET`.
 */
export function methodLabel(method: string | undefined): string {
  return method ?? '(no method)';
}
