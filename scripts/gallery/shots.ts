// The screens the before/after gallery (docs/gallery.md) shows: visual baselines, by combination and story id.
export interface GalleryShot {
  /** A combination of e2e/visual/matrix.ts (its folder under e2e/visual/baselines/). */
  combination: string;
  story: string;
  caption: string;
}

const PHONE = '375x812-zh-CN-light';
const DESKTOP = '1280x800-en-US-light';

export const GALLERY: readonly GalleryShot[] = [
  { combination: PHONE, story: 'pages-cashierpage--ready', caption: 'Cashier ready (375×812, zh-CN)' },
  { combination: PHONE, story: 'pages-cashierpage--enter-password', caption: 'Payment password (375×812, zh-CN)' },
  { combination: PHONE, story: 'pages-cashierpage--verification-failed', caption: 'Verification failed: over the single limit (375×812, zh-CN)' },
  { combination: PHONE, story: 'pages-cashierpage--succeeded', caption: 'Result: payment successful (375×812, zh-CN)' },
  { combination: PHONE, story: 'pages-cashierpage--failed', caption: 'Result: wrong password (375×812, zh-CN)' },
  { combination: DESKTOP, story: 'pages-cashierpage--enter-password', caption: 'Payment password (1280×800, en-US)' },
  { combination: DESKTOP, story: 'pages-cashierpage--verification-failed', caption: 'Verification failed (1280×800, en-US)' },
  { combination: DESKTOP, story: 'pages-cashierpage--succeeded', caption: 'Result: payment successful (1280×800, en-US)' },
  { combination: DESKTOP, story: 'pages-cashierpage--failed', caption: 'Result: wrong password (1280×800, en-US)' },
];

/** The gallery's file name of a shot (one folder per side: docs/gallery/before/, docs/gallery/after/). */
export const galleryFile = (shot: GalleryShot) => `${shot.combination}--${shot.story}.png`;
