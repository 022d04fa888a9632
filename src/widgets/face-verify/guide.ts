// The guide on the camera picture and what to tell the person, from the faces the detector found.

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Guidance = 'no-face' | 'multiple' | 'move-closer' | 'move-back' | 'centre' | 'ok';

/** Face width as a share of the guide: below, the face is too far for a useful picture; above, partly cut off. */
export const MIN_FACE_SHARE = 0.33;
export const MAX_FACE_SHARE = 0.85;
/** How far the face centre may be from the guide centre, as a share of the guide. */
const MAX_OFFSET = 0.15;

/** The guide square: centred, 80% of the shorter side. The captured picture is exactly this square. */
export function guideSquare(width: number, height: number): { x: number; y: number; size: number } {
  const size = Math.round(0.8 * Math.min(width, height));
  return { x: Math.round((width - size) / 2), y: Math.round((height - size) / 2), size };
}

/** 'ok' when exactly one face is in the guide, centred and large enough. */
export function guidanceFor(faces: readonly FaceBox[], width: number, height: number): Guidance {
  if (faces.length === 0) return 'no-face';
  const guide = guideSquare(width, height);
  const centreX = guide.x + guide.size / 2;
  const centreY = guide.y + guide.size / 2;
  const inGuide = faces.filter((f) => {
    const x = f.x + f.width / 2;
    const y = f.y + f.height / 2;
    return x >= guide.x && x <= guide.x + guide.size && y >= guide.y && y <= guide.y + guide.size;
  });
  if (inGuide.length > 1) return 'multiple';
  const face = inGuide[0];
  if (!face) return 'centre';
  const offset = Math.max(Math.abs(face.x + face.width / 2 - centreX), Math.abs(face.y + face.height / 2 - centreY)) / guide.size;
  if (offset > MAX_OFFSET) return 'centre';
  const share = face.width / guide.size;
  if (share < MIN_FACE_SHARE) return 'move-closer';
  if (share > MAX_FACE_SHARE) return 'move-back';
  return 'ok';
}
