export type { ReloaderOptions } from "./options.js";
export { RELOADER_AUTO_ANNOTATION, RELOADER_CHART, type Reloader, reloader } from "./reloader.js";
