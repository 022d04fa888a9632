import { createRoot } from 'react-dom/client';
import { Playground } from './playground/Playground';

// The standalone dev page: a playground for the whole flow against the mock payment server.
const element = document.getElementById('root');
if (element) createRoot(element).render(<Playground />);
