/** A diagonal-hatch image for gminy in two or more partnerships (fill patterns need an image). */
import { MULTI_HATCH } from './palette.js';

export const HATCH_IMAGE = 'multi-hatch';

export function hatchImage(size = 8): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.strokeStyle = MULTI_HATCH;
  ctx.globalAlpha = 0.75;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  // Lines from bottom-left to top-right, repeated so the tile joins seamlessly.
  for (const o of [-size, 0, size]) {
    ctx.moveTo(o, size);
    ctx.lineTo(o + size, 0);
  }
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}
