/**
 * The application's side of the engine's deployment: bpmn/ and forms/ deployed in one deployment at start, user tasks
 * as Camunda user tasks (a cluster with Tasklist) or in the job-worker form (the demo engine, whose tasks staff work
 * in the portal's queue), and what the deployment answered: which form a task's form key names, and each task's name.
 */
package sale.itmall.assurance.engine;
