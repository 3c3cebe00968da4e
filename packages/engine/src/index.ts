export { SCHEMA_VERSION } from '@flowdesk/flow-schema';
