/**
 * An IaaS rider's virtual machines, decided with no client calls ({@link MachinePlanner}).
 *
 * <ul>
 *   <li><b>Where.</b> Every listed machine is defined in every data center where a policy under the
 *       rider may run (the primaries and secondaries of its policies), so a failover finds it
 *       there: stopped, ready to start.
 *   <li><b>Production machines</b> run ({@link RunStrategy#Always}) in each data center where a
 *       policy of the rider is active now, and are {@link RunStrategy#Halted} elsewhere.
 *   <li><b>Failover machines</b> are halted until a policy of the rider has failed over: active in
 *       a data center other than its primary. Then they run in the data center it is active in, and
 *       halt again when it fails back.
 *   <li><b>The license.</b> The machines given {@code Always}, counted over all data centers, never
 *       exceed {@code license.maxVirtualMachines}. Candidates are taken in a fixed order
 *       (production before failover, then the data center with more active policies, then by name,
 *       then the rider's order of machines) and the ones past the limit stay halted, saying so.
 *   <li><b>Sizes</b> map to virtual CPUs and memory in one table ({@link MachineShape}).
 * </ul>
 */
package dev.failover.core.vm;
