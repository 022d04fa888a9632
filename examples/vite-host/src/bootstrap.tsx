import { mountHost } from '../../shared-react/mount';
import { cashierLoader } from './cashier-remote';

mountHost('Vite host', 'vite-host', cashierLoader());
