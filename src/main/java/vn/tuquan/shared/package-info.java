/**
 * The shared kernel: value types, the caller and its scopes, dates, ciphers, the database and the web
 * frame. Every module may use it (the application declares it a shared module); it uses no module.
 */
@ApplicationModule(allowedDependencies = {})
package vn.tuquan.shared;

import org.springframework.modulith.ApplicationModule;
