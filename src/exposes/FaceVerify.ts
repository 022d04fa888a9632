// docs/api.md, Federation, `./FaceVerify`: camera capture with on-device face detection.
export { FaceVerify } from '../widgets/face-verify/FaceVerify';
