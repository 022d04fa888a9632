// Async boundary: the federation runtime settles the share scope before React is first imported.
import('./bootstrap');
