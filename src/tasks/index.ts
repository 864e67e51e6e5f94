// The tasks feature's public face: the model that owns every tracked task's data, and what others read of it.
export { TasksModel, type TasksModelOptions, type TaskFinished, type TaskEntry, type FailedItemsState } from './tasksModel';
export type { TrackedTasks } from './trackedTasks';
export type { AllItems, AllItemsOptions } from './sharedFetch';
export { sortTasks } from './snapshots';
