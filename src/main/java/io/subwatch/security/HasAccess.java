package io.subwatch.security;

/** A principal that knows its grants. */
public interface HasAccess {

	Access access();

}
