/**
 * The staff task queue of the portal, for an engine without Tasklist (the demo engine): the engine hands each user
 * task out as a job ({@code io.camunda.zeebe:userTask}, with candidate groups, due date and linked form as headers),
 * this module keeps it in PostgreSQL, offers it to the staff whose roles are its candidate groups, renders its linked
 * Camunda Form with form-js and completes the job with the form's own fields, each checked against the form.
 */
package sale.itmall.assurance.tasks;
