import { createRoot } from 'react-dom/client';
import { PreviewsApp } from './PreviewsApp';

const element = document.getElementById('root');
if (element) createRoot(element).render(<PreviewsApp />);
