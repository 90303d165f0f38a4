/** What every module may use: how codes and instants read to people ({@code messages.properties}). */
package sale.itmall.assurance.shared;
