export { MATTERMOST_CHART, MATTERMOST_SERVICE, type Mattermost, mattermost } from "./mattermost.js";
export type { MattermostOptions, S3StorageOptions } from "./options.js";
