export function genaiPricesSource(): { text: string; version: string };
export function compactPrices(
  text: string,
  options?: { calcPrice?: (...args: never[]) => unknown; flatPrice?: (...args: never[]) => unknown },
): { module: string; json: string; modelFiles: string[]; extractors: string };
export function literalHead(source: string): string;
export function flatShapes(providers: unknown[], calcPrice: (...args: never[]) => unknown, flatPrice: (...args: never[]) => unknown): Record<string, number[]>;
export function writeCompactPrices(dir: string): Promise<void>;
