import { startApp } from './app.js';
import './styles.css';

void startApp(document.getElementById('app')!);
