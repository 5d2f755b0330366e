import { bootReads } from './app/boot-reads.js';
// MapLibre's stylesheet before ours, so ours wins where both style the map: in the entry, not the lazily loaded app's chunk.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';

// The API's boot reads go out at once, while the app and MapLibre (most of the page's bytes) load as a chunk of
// their own; startApp then finds the answers in flight or in.
void bootReads();
void import('./app.js').then(({ startApp }) => startApp(document.getElementById('app')!));
