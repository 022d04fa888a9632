// One frame of the guide square as a small JPEG: what the payment request carries (S242).
import { guideSquare } from './guide';

export const CAPTURE_SIZE = 320;
const QUALITY = 0.85;

export function captureGuide(video: HTMLVideoElement, size = CAPTURE_SIZE): string {
  const guide = guideSquare(video.videoWidth, video.videoHeight);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the camera picture');
  context.drawImage(video, guide.x, guide.y, guide.size, guide.size, 0, 0, size, size);
  return canvas.toDataURL('image/jpeg', QUALITY);
}
