export function genaiPricesSource(): { text: string; version: string };
export function compactPrices(text: string): { module: string; json: string; modelFiles: string[] };
export function literalHead(source: string): string;
export function writeCompactPrices(dir: string): void;
