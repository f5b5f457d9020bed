// The deletion settings are shared by every stateful store: see ../deletion.ts.
export { cfnRetainOnDelete, cfnRetainOnReplace, tfRetainOnDelete } from '../deletion.js';
