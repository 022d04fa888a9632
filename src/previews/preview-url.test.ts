import { argFromText, DEFAULT_LOCATION, formatPreviewHash, parsePreviewHash, type PreviewLocation } from './preview-url';

describe('previews URL', () => {
  it('round-trips a story, its locale, theme, view and changed args', () => {
    const location: PreviewLocation = {
      id: 'widgets-passwordkeyboard--wrong',
      locale: 'en-US',
      theme: 'dark',
      view: 'canvas',
      args: { error: 'Wrong & 4 left?', shuffle: 'true' },
    };
    const hash = formatPreviewHash(location);
    expect(hash).toBe('#/widgets-passwordkeyboard--wrong?locale=en-US&theme=dark&view=canvas&arg.error=Wrong+%26+4+left%3F&arg.shuffle=true');
    expect(parsePreviewHash(hash)).toEqual(location);
  });

  it('leaves defaults out, so an untouched story has a short URL', () => {
    expect(formatPreviewHash({ ...DEFAULT_LOCATION, id: 'pages-cashierpage--ready' })).toBe('#/pages-cashierpage--ready');
  });

  it('falls back to the defaults for an empty hash and for unknown locale, theme and view', () => {
    expect(parsePreviewHash('')).toEqual({ ...DEFAULT_LOCATION, id: '' });
    expect(parsePreviewHash('#/x?locale=fr-FR&theme=neon&view=iframe&arg.=1')).toEqual({ ...DEFAULT_LOCATION, id: 'x' });
  });

  it('keeps a hand-edited id with a stray percent sign as typed', () => {
    expect(parsePreviewHash('#/bad%id').id).toBe('bad%id');
  });

  it('turns control text back into the arg type, or undefined when it is not one', () => {
    expect(argFromText('true', 'boolean')).toBe(true);
    expect(argFromText('false', 'boolean')).toBe(false);
    expect(argFromText('yes', 'boolean')).toBeUndefined();
    expect(argFromText('12', 'number')).toBe(12);
    expect(argFromText('', 'number')).toBeUndefined();
    expect(argFromText('1e999', 'number')).toBeUndefined();
    expect(argFromText(' spaced ', 'text')).toBe(' spaced ');
  });
});
