// Async boundary: the federation share scope is initialised before React is first imported.
import('./bootstrap');
