/**
 * The event contract of the platform: one sub-package per producing service holding its payload records and the
 * enums they carry, plus the vocabulary shared by all producers.
 */
package vn.binhduong.sct.contract;
