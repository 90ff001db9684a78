/**
 * The shared runtime every service builds on: AWS clients that honour the emulator endpoint, API Gateway
 * request and response helpers with one error model, request validation against the shared JSON Schemas,
 * and the local Lambda endpoint the local runtime drives.
 */
package dev.serverlesspatterns.platform;
