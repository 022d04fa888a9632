// The chosen path: the same network and weights, run by src/widgets/face-verify/tiny-face-net.ts in plain JavaScript.
import { detectorFor, loadWeights } from '../../../src/widgets/face-verify/face-detector';
import type { Load } from './types';

export const load: Load = async () => {
  const detect = detectorFor(await loadWeights());
  return async (picture, width, height) => detect(picture, width, height);
};
