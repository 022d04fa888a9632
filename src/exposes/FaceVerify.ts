// Contract §1 `./FaceVerify`: camera capture with on-device face detection.
export { FaceVerify } from '../widgets/face-verify/FaceVerify';
