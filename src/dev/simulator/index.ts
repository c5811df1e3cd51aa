/** The HighLevel simulator's public surface: the server, its option and fault types, the demo seed. */
export { HighLevelSimulator } from './simulator';
export type {
  CustomFieldDataType,
  CustomFieldDefinition,
  Fault,
  RateLimitOptions,
  ReceivedRequest,
  SimulatorOptions,
} from './simulator';
export {
  DEMO_CUSTOM_FIELDS,
  DEMO_LOCATION_ID,
  DEMO_TOKEN,
  OTHER_LOCATION_ID,
  seedDemoData,
  type DemoSeed,
} from './seed';
