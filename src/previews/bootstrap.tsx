import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PreviewsApp } from './PreviewsApp';
import { loadStories } from './story-registry';

// StrictMode as hosts may use it: every story must survive the double mount.
const element = document.getElementById('root');
if (element)
  createRoot(element).render(
    <StrictMode>
      <PreviewsApp stories={loadStories()} />
    </StrictMode>,
  );
