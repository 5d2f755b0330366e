/**
 * Hatch images for gminy in several partnerships (fill patterns need an image): one diagonal for
 * two partnerships, crossed diagonals for three or more, so the overlap count reads off the map.
 */
import { MULTI_HATCH } from './palette.js';

export function hatchImage(crossed: boolean, size = 8): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.strokeStyle = MULTI_HATCH;
  ctx.globalAlpha = 0.75;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  // Lines repeated one tile to each side, so the pattern joins seamlessly.
  for (const o of [-size, 0, size]) {
    ctx.moveTo(o, size);
    ctx.lineTo(o + size, 0);
    if (crossed) {
      ctx.moveTo(o, 0);
      ctx.lineTo(o + size, size);
    }
  }
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}
