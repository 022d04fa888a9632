/// <reference types="webpack/module" />
declare module '*.css';
declare const __webpack_public_path__: string;
