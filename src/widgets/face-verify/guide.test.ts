import { type FaceBox, guidanceFor, guideSquare, MAX_FACE_SHARE, MIN_FACE_SHARE } from './guide';

const W = 640;
const H = 480;
const guide = guideSquare(W, H);
/** A face of `share` of the guide, its centre moved by (dx, dy) from the guide centre. */
const face = (share: number, dx = 0, dy = 0): FaceBox => {
  const size = share * guide.size;
  return { x: W / 2 + dx - size / 2, y: H / 2 + dy - size / 2, width: size, height: size };
};

describe('guideSquare', () => {
  it('is centred and 80% of the shorter side, in landscape and portrait', () => {
    expect(guideSquare(640, 480)).toEqual({ x: 128, y: 48, size: 384 });
    expect(guideSquare(480, 640)).toEqual({ x: 48, y: 128, size: 384 });
  });
});

describe('guidanceFor', () => {
  it('captures only one centred face of a useful size', () => {
    expect(guidanceFor([face(0.45)], W, H)).toBe('ok');
    expect(guidanceFor([face(0.45, 20, -20)], W, H)).toBe('ok');
  });

  it('guides the person otherwise', () => {
    expect(guidanceFor([], W, H)).toBe('no-face');
    expect(guidanceFor([face(0.4, -60), face(0.4, 60)], W, H)).toBe('multiple');
    expect(guidanceFor([face(MIN_FACE_SHARE - 0.05)], W, H)).toBe('move-closer');
    expect(guidanceFor([face(MAX_FACE_SHARE + 0.05)], W, H)).toBe('move-back');
    expect(guidanceFor([face(0.45, 100)], W, H)).toBe('centre');
    // A face outside the guide does not count as a second face, but is not in the guide either.
    expect(guidanceFor([face(0.2, 300)], W, H)).toBe('centre');
    expect(guidanceFor([face(0.45), face(0.2, 300)], W, H)).toBe('ok');
  });
});
