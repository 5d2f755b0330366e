/** "Save image": a PNG of the map as drawn, with a title band above, the legend on it and the attribution below. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { NONE_FILL } from '../map/palette.js';
import { datedFileName, FOOTER_BAND, TITLE_BAND } from './image-layout.js';

export interface ImageParts {
  title: string;
  /** The partnerships shown, as the legend lists them (the first MAX_LEGEND are drawn). */
  legend: { name: string; colour: string }[];
  /** "gmina outside the partnerships shown": the label of the grey fill. */
  noneLabel: string;
  /** Attribution and the data's date, one line. */
  footer: string;
}

const MAX_LEGEND = 8;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/**
 * The map's pixels as drawn: read inside a 'render' event, while WebGL's drawing buffer still holds
 * the frame (the map keeps no copy: preserveDrawingBuffer would cost every frame for a rare export).
 */
function captureMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext('2d')!.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/** `text` cut with "…" to fit `max` pixels in the context's current font. */
function fit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let chars = [...text];
  while (chars.length > 1 && ctx.measureText(`${chars.join('')}…`).width > max) chars = chars.slice(0, -1);
  return `${chars.join('').trimEnd()}…`;
}

/** `text` in at most `max` lines of `width` pixels, broken at spaces; what does not fit is cut with "…". */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width && lines.length < max - 1) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, fit(ctx, line, width)];
}

/** The legend as a white box in the map's top-left corner; `r` is device pixels per CSS pixel. */
function drawLegend(ctx: CanvasRenderingContext2D, parts: ImageParts, top: number, maxWidth: number, r: number): void {
  const rows = [...parts.legend.slice(0, MAX_LEGEND), { name: parts.noneLabel, colour: NONE_FILL }];
  const line = 18 * r;
  ctx.font = `${12 * r}px ${FONT}`;
  const textMax = maxWidth - 40 * r;
  const width = Math.min(maxWidth, Math.max(...rows.map((row) => ctx.measureText(row.name).width)) + 40 * r);
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.fillRect(8 * r, top + 8 * r, width, rows.length * line + 10 * r);
  rows.forEach((row, i) => {
    const y = top + 13 * r + i * line;
    ctx.fillStyle = row.colour;
    ctx.fillRect(16 * r, y + 2 * r, 18 * r, 12 * r);
    ctx.strokeStyle = '#555';
    ctx.lineWidth = r;
    ctx.strokeRect(16 * r, y + 2 * r, 18 * r, 12 * r);
    ctx.fillStyle = '#1b1f24';
    ctx.textBaseline = 'top';
    ctx.fillText(fit(ctx, row.name, textMax), 40 * r, y + 2 * r);
  });
}

/** The composed image: title band, the map with its legend, the footer band. */
export async function composeImage(map: MapLibreMap, parts: ImageParts): Promise<HTMLCanvasElement> {
  const shot = await captureMap(map);
  const r = shot.width / map.getCanvas().clientWidth;
  const out = document.createElement('canvas');
  out.width = shot.width;
  out.height = shot.height + Math.round((TITLE_BAND + FOOTER_BAND) * r);
  const ctx = out.getContext('2d')!;
  const mapTop = Math.round(TITLE_BAND * r);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(shot, 0, mapTop);
  ctx.fillStyle = '#1b1f24';
  ctx.textBaseline = 'middle';
  ctx.font = `bold ${18 * r}px ${FONT}`;
  ctx.fillText(fit(ctx, parts.title, out.width - 24 * r), 12 * r, mapTop / 2);
  drawLegend(ctx, parts, mapTop, Math.min(out.width * 0.6, 340 * r), r);
  ctx.fillStyle = '#4d5661';
  ctx.textBaseline = 'middle';
  ctx.font = `${11 * r}px ${FONT}`;
  const lines = wrap(ctx, parts.footer, out.width - 24 * r, 2);
  const first = mapTop + shot.height + ((FOOTER_BAND - 14 * (lines.length - 1)) * r) / 2;
  lines.forEach((text, i) => ctx.fillText(text, 12 * r, first + i * 14 * r));
  return out;
}

/** Composes the image and hands it to the browser as a download named with today's date. */
export async function saveImage(map: MapLibreMap, parts: ImageParts): Promise<void> {
  const canvas = await composeImage(map, parts);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser gave no PNG');
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: datedFileName('png') });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
