import { runElectronApp } from './app/main';

runElectronApp();
