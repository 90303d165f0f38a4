/**
 * What every module may use: how codes and instants read to people ({@code messages.properties}) and how a fault is
 * told technical (retry until it heals) from one a person must look at ({@link sale.itmall.assurance.shared.Faults}).
 */
package sale.itmall.assurance.shared;
