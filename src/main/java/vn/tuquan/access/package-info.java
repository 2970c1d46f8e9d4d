/**
 * Users, roles, scopes, sign-in and personal access tokens. Reads the units to describe a scope.
 */
@ApplicationModule(allowedDependencies = {"units"})
package vn.tuquan.access;

import org.springframework.modulith.ApplicationModule;
