import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A PDF as its reader sees it, through pdfjs-dist (Mozilla's PDF engine, the one in Firefox):
 * every text run with its box on the page, and a page rendered to PNG for a person to look at.
 */
export interface TextRun {
  page: number;
  text: string;
  /** Box in PDF points, origin bottom-left: x0 < x1, y0 < y1. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

async function pdfjs() {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  lib.GlobalWorkerOptions.workerSrc = join(pdfjsRoot, 'legacy/build/pdf.worker.mjs');
  return lib;
}

async function open(pdf: Uint8Array) {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(pdf),
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts/'),
    verbosity: 0,
  });
  return { document: await task.promise, close: () => task.destroy() };
}

/** Every non-blank text run of every page, with its box (pdfjs `transform` + width/height). */
export async function textRuns(pdf: Uint8Array): Promise<{ pages: number; runs: TextRun[] }> {
  const { document, close } = await open(pdf);
  const runs: TextRun[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, y] = item.transform as number[];
      // The box from the baseline up by the font size, minus the descenders' room below.
      const height = item.height || Math.abs((item.transform as number[])[3]!);
      runs.push({ page: n, text: item.str, x0: x!, x1: x! + item.width, y0: y! - height * 0.2, y1: y! + height * 0.8 });
    }
  }
  const pages = document.numPages;
  await close();
  return { pages, runs };
}

/** Pairs of runs on the same page whose boxes share more than `tolerance` points both ways. */
export function overlappingRuns(runs: readonly TextRun[], tolerance = 0.5): [TextRun, TextRun][] {
  const pairs: [TextRun, TextRun][] = [];
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const a = runs[i]!;
      const b = runs[j]!;
      if (a.page !== b.page) continue;
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > tolerance && dy > tolerance) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** All the text of one page (or all pages), runs joined by spaces, for "does it say…" checks. */
export function textOf(runs: readonly TextRun[], page?: number): string {
  return runs
    .filter((r) => page === undefined || r.page === page)
    .map((r) => r.text)
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Renders one page to a PNG file (pdfjs-dist on @napi-rs/canvas) for review; returns its path. */
export async function savePagePng(pdf: Uint8Array, pageNumber: number, path: string, scale = 1.5): Promise<string> {
  const { document, close } = await open(pdf);
  const page = await document.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await canvas.encode('png'));
  await close();
  return path;
}
