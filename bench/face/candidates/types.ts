// What every candidate module exports: load it (code already fetched), then detect faces in a picture, in its pixels.
import type { FaceBox } from '../../../src/widgets/face-verify/guide';

export type Detect = (picture: CanvasImageSource, width: number, height: number) => Promise<FaceBox[]>;
export type Load = () => Promise<Detect>;
