// Async boundary: the federation share scope is settled (with the pinned React 18) before React is first imported.
import('../../pinned-react/src/bootstrap');
