import { mountHost } from '../../shared-react/mount';
import { cashierLoader } from './cashier-remote';

mountHost('Rsbuild host', 'rsbuild-host', cashierLoader());
